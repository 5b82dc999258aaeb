module RefModule(input clk, input reset, input in_valid, input clear, input [7:0] din,
                 output reg out_valid, output reg [7:0] avg);
  reg [7:0] s0, s1, s2, s3;
  wire [9:0] total = {2'b00, din} + {2'b00, s0} + {2'b00, s1} + {2'b00, s2};

  always @(posedge clk) begin
    if (reset || clear) begin
      s0 <= 8'd0; s1 <= 8'd0; s2 <= 8'd0; s3 <= 8'd0;
      avg <= 8'd0;
      out_valid <= 1'b0;
    end else if (in_valid) begin
      s0 <= din; s1 <= s0; s2 <= s1; s3 <= s2;
      avg <= total[9:2];
      out_valid <= 1'b1;
    end else begin
      out_valid <= 1'b0;
    end
  end
endmodule
