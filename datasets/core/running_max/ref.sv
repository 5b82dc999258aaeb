module RefModule(input clk, input reset, input in_valid, input clear, input [7:0] din,
                 output reg [7:0] max_val, output reg [7:0] min_val, output reg seen);
  always @(posedge clk) begin
    if (reset || (clear && !in_valid)) begin
      max_val <= 8'h00;
      min_val <= 8'hFF;
      seen <= 1'b0;
    end else if (clear) begin
      max_val <= din;
      min_val <= din;
      seen <= 1'b1;
    end else if (in_valid) begin
      if (din > max_val) max_val <= din;
      if (din < min_val) min_val <= din;
      seen <= 1'b1;
    end
  end
endmodule
