module RefModule(input clk, input reset, input in_valid, input [7:0] in_data,
                 output in_ready, output reg out_valid, output reg [7:0] out_data,
                 input out_ready);
  reg skid_valid;
  reg [7:0] skid_data;
  wire take = in_valid && in_ready;

  assign in_ready = !skid_valid;

  always @(posedge clk) begin
    if (reset) begin
      out_valid <= 1'b0;
      skid_valid <= 1'b0;
      out_data <= 8'h00;
      skid_data <= 8'h00;
    end else if (skid_valid) begin
      if (out_ready) begin
        out_data <= skid_data;
        skid_valid <= 1'b0;
      end
    end else if (!out_valid || out_ready) begin
      out_valid <= take;
      if (take) out_data <= in_data;
    end else if (take) begin
      skid_data <= in_data;
      skid_valid <= 1'b1;
    end
  end
endmodule
