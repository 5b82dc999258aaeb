module TopModule #(parameter CLKS_PER_BIT = 4)
                  (input clk, input reset, input rx, output reg [7:0] data,
                   output reg data_valid, output reg framing_error);
  reg active;
  reg [3:0] k;
  reg [15:0] cnt;
  reg [7:0] shreg;

  always @(posedge clk) begin
    if (reset) begin
      active <= 1'b0;
      k <= 4'd0;
      cnt <= 16'd0;
      shreg <= 8'h00;
      data <= 8'h00;
      data_valid <= 1'b0;
      framing_error <= 1'b0;
    end else begin
      data_valid <= 1'b0;
      framing_error <= 1'b0;
      if (!active) begin
        if (!rx) begin            // start bit accepted at its first edge, no mid-bit check
          active <= 1'b1;
          k <= 4'd1;
          cnt <= 16'd1;
        end
      end else if (cnt != CLKS_PER_BIT - 1) begin
        cnt <= cnt + 16'd1;
      end else begin
        cnt <= 16'd0;             // samples each bit at its first cycle
        if (k <= 4'd8) begin
          shreg <= {rx, shreg[7:1]};
          k <= k + 4'd1;
        end else begin
          active <= 1'b0;
          data <= shreg;
          data_valid <= rx;
          framing_error <= !rx;
        end
      end
    end
  end
endmodule
